! The 2-D diffusion step in Fortran, for f2py (book 7, "f2py").
! Periodic boundaries like chapter 06. Fortran arrays are column-major, so the
! Python side passes order="F" arrays and the inner loop runs down a column.
! book: 1st ed., "f2py" (diffusion.f90, periodic edges, intent(inplace))
subroutine evolve(grid, next_grid, n, D, dt)
    implicit none
    integer, intent(in) :: n
    double precision, intent(in) :: grid(n, n)
    double precision, intent(inout) :: next_grid(n, n)
    double precision, intent(in) :: D, dt
!f2py intent(inplace) next_grid
    integer :: i, j, left, right, up, down
    double precision :: f

    f = D * dt
    do j = 1, n
        left = j - 1
        if (left < 1) left = n
        right = j + 1
        if (right > n) right = 1
        do i = 1, n
            up = i - 1
            if (up < 1) up = n
            down = i + 1
            if (down > n) down = 1
            next_grid(i, j) = grid(i, j) + f * (grid(up, j) + grid(down, j) &
                              + grid(i, left) + grid(i, right) - 4.0d0 * grid(i, j))
        end do
    end do
end subroutine evolve
! book: end
